using System.Diagnostics.CodeAnalysis;

namespace BreakoutBot.Domain.Trading;

/// <summary>The configuration spelling of <see cref="TradingMode"/>: lower-case <c>sim</c>, <c>paper</c>, <c>testnet</c>, <c>demo</c>, <c>live</c>.</summary>
public static class TradingModeNames
{
    public const TradingMode Default = TradingMode.Sim;

    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<TradingMode>().Select(ToName)];

    public static string ToName(TradingMode mode) => mode switch
    {
        TradingMode.Sim => "sim",
        TradingMode.Paper => "paper",
        TradingMode.Testnet => "testnet",
        TradingMode.Demo => "demo",
        TradingMode.Live => "live",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown trading mode."),
    };

    /// <summary>Parses a configured mode, ignoring case; numbers are not accepted, only names.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TradingMode mode)
    {
        foreach (var candidate in Enum.GetValues<TradingMode>())
        {
            if (string.Equals(text?.Trim(), ToName(candidate), StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }

        mode = Default;
        return false;
    }
}
