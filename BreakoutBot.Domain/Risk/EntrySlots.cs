using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Risk;

/// <summary>
/// Reserves a position slot per symbol before an entry is sent, so that signals arriving together cannot all pass the
/// concurrency limit against the same stale count (the original bot's batch opened more than the maximum). Thread-safe.
/// </summary>
public sealed class EntrySlots
{
    private readonly HashSet<InstrumentSymbol> _held = [];
    private readonly Lock _gate = new();

    public EntrySlots(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; private set; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>Takes a slot for <paramref name="symbol"/>; false when all are taken or the symbol holds one already.</summary>
    public bool TryReserve(InstrumentSymbol symbol)
    {
        lock (_gate)
        {
            return _held.Count < Capacity && _held.Add(symbol);
        }
    }

    /// <summary>Frees the symbol's slot (its entry failed, or its position closed). Returns false if it held none.</summary>
    public bool Release(InstrumentSymbol symbol)
    {
        lock (_gate)
        {
            return _held.Remove(symbol);
        }
    }

    /// <summary>Applies a new limit (preset change); slots already held stay held.</summary>
    public void Resize(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        lock (_gate)
        {
            Capacity = capacity;
        }
    }
}
