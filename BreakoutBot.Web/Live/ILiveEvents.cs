namespace BreakoutBot.Web.Live;

/// <summary>Live events from the Api's hub for one circuit: the connection state and each event's type name.</summary>
public interface ILiveEvents
{
    LiveConnectionState State { get; }

    /// <summary>Why the state is what it is (e.g. the last connection error), for the indicator's tooltip.</summary>
    string? Detail { get; }

    /// <summary>When the last event arrived.</summary>
    DateTimeOffset? LastEventAt { get; }

    event Action? StateChanged;

    /// <summary>Raised with the event's type (<c>PositionUpdated</c>, <c>ScanSnapshot</c>, …) on a thread-pool thread.</summary>
    event Action<string>? EventReceived;

    /// <summary>Connects once (later calls return at once); reconnects by itself afterwards.</summary>
    Task StartAsync(CancellationToken cancellationToken = default);
}
