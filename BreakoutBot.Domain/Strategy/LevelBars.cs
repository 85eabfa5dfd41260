namespace BreakoutBot.Domain.Strategy;

/// <summary>
/// High, low, close and volume of the closed bars as doubles, plus a scratch slice for sorting volumes: five slices
/// of one pooled buffer, so detection allocates no per-bar arrays.
/// </summary>
internal readonly ref struct LevelBars
{
    public LevelBars(Span<double> buffer, int length)
    {
        Length = length;
        High = buffer.Slice(0, length);
        Low = buffer.Slice(length, length);
        Close = buffer.Slice(2 * length, length);
        Volume = buffer.Slice(3 * length, length);
        Scratch = buffer.Slice(4 * length, length);
    }

    public int Length { get; }

    public Span<double> High { get; }

    public Span<double> Low { get; }

    public Span<double> Close { get; }

    public Span<double> Volume { get; }

    public Span<double> Scratch { get; }

    /// <summary>Doubles a buffer needs for <paramref name="length"/> bars.</summary>
    public static int BufferLength(int length) => 5 * length;
}
