using BreakoutBot.Web.Live;

namespace BreakoutBot.Web.Tests;

public sealed class FakeLiveEvents : ILiveEvents
{
    public LiveConnectionState State { get; set; } = LiveConnectionState.Connected;

    public string? Detail { get; set; }

    public DateTimeOffset? LastEventAt { get; set; }

    public event Action? StateChanged;

    public event Action<string>? EventReceived;

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Raise(string type) => EventReceived?.Invoke(type);

    public void Change(LiveConnectionState state, string? detail)
    {
        State = state;
        Detail = detail;
        StateChanged?.Invoke();
    }
}
