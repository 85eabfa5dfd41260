using System.Globalization;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Web.Components.Controls;

/// <summary>How the console writes numbers and times: invariant, signed where a sign means something, UTC.</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The CSS class that colours a direction: <c>side-long</c> or <c>side-short</c>.</summary>
    public static string SideClass(PositionDirection direction) => direction == PositionDirection.Long ? "side-long" : "side-short";

    public static string Usd(decimal value) => value.ToString("+#,##0.00;-#,##0.00;0.00", Invariant) + " $";

    public static string Usd(decimal? value) => value is { } v ? Usd(v) : "—";

    public static string Money(decimal value) => value.ToString("#,##0.00", Invariant);

    public static string R(decimal value) => value.ToString("+0.00;-0.00;0.00", Invariant) + " R";

    public static string R(decimal? value) => value is { } v ? R(v) : "—";

    /// <summary>A price with the digits it came with (the venue's tick), no exponent.</summary>
    public static string Price(decimal value) => value.ToString("0.########", Invariant);

    public static string Price(decimal? value) => value is { } v ? Price(v) : "—";

    public static string Number(double value, int digits = 2) => double.IsFinite(value) ? value.ToString("F" + digits, Invariant) : "—";

    public static string Number(double? value, int digits = 2) => value is { } v ? Number(v, digits) : "—";

    public static string Number(decimal? value, int digits = 2) => value is { } v ? v.ToString("F" + digits, Invariant) : "—";

    public static string Percent(decimal? fraction) => fraction is { } v ? (v * 100m).ToString("0.0", Invariant) + " %" : "—";

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Invariant) + " UTC";

    public static string Time(DateTimeOffset? value) => value is { } v ? Time(v) : "—";

    public static string ShortTime(DateTimeOffset value) => value.UtcDateTime.ToString("MM-dd HH:mm", Invariant);

    public static string Age(DateTimeOffset since, DateTimeOffset now)
    {
        var age = now - since;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalDays >= 1 ? $"{(int)age.TotalDays}d {age.Hours}h"
            : age.TotalHours >= 1 ? $"{(int)age.TotalHours}h {age.Minutes}m"
            : age.TotalMinutes >= 1 ? $"{(int)age.TotalMinutes}m {age.Seconds}s"
            : $"{age.Seconds}s";
    }

    /// <summary>A duration in seconds the way <see cref="Age"/> writes it.</summary>
    public static string Duration(decimal seconds) => Age(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds((double)seconds));

    /// <summary>A reconciliation drift kind in words.</summary>
    public static string DriftKind(string kind) => kind switch
    {
        "external" => "external position",
        "size" => "size differs",
        "missing" => "closed outside",
        "unprotected" => "no working stop",
        _ => kind,
    };

    /// <summary>CSS class for a signed amount.</summary>
    public static string Sign(decimal? value) => value switch
    {
        > 0 => "positive",
        < 0 => "negative",
        _ => "",
    };
}
