namespace BreakoutBot.Contracts.Backtests;

/// <summary>
/// Which bars a backtest runs over: <c>synthetic</c>, the exchange simulator's seeded market (<paramref name="Seed"/>,
/// the first <paramref name="Symbols"/> symbols of its universe, <paramref name="Bars"/> 5-minute bars), or
/// <c>data-set</c>, a folder of kline files in the backtester's data directory (<paramref name="DataSet"/>: downloaded
/// with <c>breakoutbot data download</c> or recorded by the simulator in paper mode).
/// </summary>
public sealed record BacktestMarketChoice(string Source, int? Seed = null, int? Symbols = null, int? Bars = null, string? DataSet = null)
{
    public const string Synthetic = "synthetic";
    public const string DataSetSource = "data-set";

    /// <summary>What a data set's name may be: a folder name of letters, digits, '-' and '_' (1 to 64; no dots, so never a path).</summary>
    public const string DataSetNameRule = "a data set is named by 1 to 64 letters, digits, '-' or '_', starting with a letter or digit";

    /// <summary>True when <paramref name="name"/> keeps to <see cref="DataSetNameRule"/> and is not the generated markets' folder.</summary>
    public static bool IsValidDataSetName(string? name) =>
        name is { Length: >= 1 and <= 64 }
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_')
        && !string.Equals(name, Synthetic, StringComparison.OrdinalIgnoreCase);
}
