namespace BreakoutBot.Simulator.Market;

/// <summary>
/// The <c>Simulator:Recording</c> section (Paper mode): where the relayed market is saved, for which symbols and bars,
/// so a paper session can be backtested afterwards (<c>breakoutbot backtest --data</c> the directory).
/// </summary>
public sealed class RecordingOptions
{
    /// <summary>The directory the SYMBOL.csv files and instruments.json go to; null records nothing.</summary>
    public string? Directory { get; set; }

    /// <summary>The symbols to record (the upstream lists hundreds; each costs one subscription).</summary>
    public IReadOnlyList<string> Symbols { get; set; } = [];

    /// <summary>Bybit's interval name of the recorded bars (<c>1</c> or <c>5</c> minutes, say).</summary>
    public string Interval { get; set; } = "5";
}
