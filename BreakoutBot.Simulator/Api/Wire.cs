using System.Globalization;

namespace BreakoutBot.Simulator.Api;

/// <summary>Bybit's wire spelling of numbers: decimals and millisecond times as JSON strings.</summary>
internal static class Wire
{
    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
