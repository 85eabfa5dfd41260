using BreakoutBot.Domain.Accounting;
using BreakoutBot.Simulator.Market;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Account;

/// <summary>The simulated trading account: one USDT-M ledger, marked to the simulated market. Thread-safe.</summary>
public sealed class SimulatedAccount(IOptions<SimulatorOptions> options)
{
    private readonly AccountLedger _ledger = new(options.Value.StartingBalance);
    private readonly Lock _gate = new();

    /// <summary>Reads the ledger under the account's lock.</summary>
    public T Read<T>(Func<AccountLedger, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            return read(_ledger);
        }
    }
}
