using BreakoutBot.Web.Live;
using Microsoft.AspNetCore.Components;

namespace BreakoutBot.Web.Components.Controls;

/// <summary>
/// A page or panel that shows Api data live: it loads once, then again on each relevant hub event (at most once per
/// <see cref="MinimumReloadInterval"/>) and every <see cref="PollInterval"/> (mark prices move without events, and
/// the hub may be away).
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private DateTimeOffset _lastLoad = DateTimeOffset.MinValue;
    private bool _reloadPending;
    private PeriodicTimer? _timer;

    [Inject]
    protected ILiveEvents Live { get; set; } = null!;

    [Inject]
    protected TimeProvider Clock { get; set; } = null!;

    protected virtual TimeSpan? PollInterval => TimeSpan.FromSeconds(10);

    protected virtual TimeSpan MinimumReloadInterval => TimeSpan.FromSeconds(1);

    protected bool Loaded { get; private set; }

    protected CancellationToken Disposing => _disposed.Token;

    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    protected virtual bool IsRelevant(string eventType) => true;

    /// <summary>Loads now and renders (after an action, or on the operator's refresh).</summary>
    protected async Task ReloadAsync()
    {
        await LoadGuardedAsync();
        StateHasChanged();
    }

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            // Prerendering: answer the request at once with the page's frame; the circuit loads the data (a slow Api
            // or venue would otherwise hold the whole page, and every call would be made twice).
            return;
        }

        Live.EventReceived += OnEvent;
        await LoadGuardedAsync();
        if (PollInterval is { } interval)
        {
            _timer = new PeriodicTimer(interval, Clock);
            _ = PollAsync(_timer);
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        Live.EventReceived -= OnEvent;
        _disposed.Cancel();
        _timer?.Dispose();
        _disposed.Dispose();
    }

    private async Task PollAsync(PeriodicTimer timer)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(_disposed.Token))
            {
                await InvokeAsync(ReloadAsync);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void OnEvent(string eventType)
    {
        if (_disposed.IsCancellationRequested || (eventType != "Reconnected" && !IsRelevant(eventType)))
        {
            return;
        }

        var wait = _lastLoad + MinimumReloadInterval - Clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            if (_reloadPending)
            {
                return;
            }

            _reloadPending = true;
            _ = DelayedReloadAsync(wait);
            return;
        }

        _ = InvokeAsync(ReloadAsync);
    }

    private async Task DelayedReloadAsync(TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, Clock, _disposed.Token);
            _reloadPending = false;
            await InvokeAsync(ReloadAsync);
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task LoadGuardedAsync()
    {
        if (_disposed.IsCancellationRequested || !await _loading.WaitAsync(0))
        {
            return;
        }

        try
        {
            _lastLoad = Clock.GetUtcNow();
            await LoadAsync(_disposed.Token);
            Loaded = true;
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        finally
        {
            _loading.Release();
        }
    }
}
