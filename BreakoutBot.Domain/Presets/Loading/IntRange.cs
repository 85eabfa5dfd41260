using System.Globalization;

namespace BreakoutBot.Domain.Presets.Loading;

/// <summary>An inclusive range of whole numbers.</summary>
internal readonly record struct IntRange(int Min, int Max)
{
    public static IntRange AtLeast(int min) => new(min, int.MaxValue);

    public bool Contains(int value) => value >= Min && value <= Max;

    public string Describe() => Max == int.MaxValue
        ? string.Create(CultureInfo.InvariantCulture, $">= {Min}")
        : string.Create(CultureInfo.InvariantCulture, $"in [{Min}, {Max}]");

    /// <summary>A count in words, e.g. "1 to 6" or "at least 1".</summary>
    public string DescribeCount() => Max == int.MaxValue
        ? string.Create(CultureInfo.InvariantCulture, $"at least {Min}")
        : string.Create(CultureInfo.InvariantCulture, $"{Min} to {Max}");
}
