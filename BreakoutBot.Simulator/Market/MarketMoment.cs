using BreakoutBot.Domain.Simulation;

namespace BreakoutBot.Simulator.Market;

/// <summary>
/// One symbol's market at a moment: the last print (<see cref="Tape"/>, <see cref="LastPrint"/>), the bar forming now
/// (<see cref="BarIndex"/>) and how many of its prints have happened (<see cref="Printed"/>).
/// </summary>
public readonly record struct MarketMoment(IntrabarTape Tape, int LastPrint, int BarIndex, int Printed)
{
    private const long PrintsPerBar = 1_000_000;

    /// <summary>A position on the tape that only grows: bar index and prints in it.</summary>
    public long Cursor => (BarIndex * PrintsPerBar) + Printed;

    public decimal LastPrice => Tape.PriceOf(LastPrint);

    public decimal MarkPrice => Tape.MarkPriceAt(LastPrint);

    public decimal IndexPrice => Tape.IndexPriceAt(LastPrint);

    public DateTimeOffset LastPrintTime => Tape.TimeOf(LastPrint);

    internal static (int BarIndex, int Printed) Split(long cursor) =>
        cursor < 0 ? (0, 0) : ((int)(cursor / PrintsPerBar), (int)(cursor % PrintsPerBar));

    /// <summary>The cursor just after print <paramref name="printIndex"/> of bar <paramref name="barIndex"/>.</summary>
    internal static long CursorAfter(int barIndex, int printIndex) => (barIndex * PrintsPerBar) + printIndex + 1;
}
