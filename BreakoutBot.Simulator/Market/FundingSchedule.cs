using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Market;

/// <summary>
/// Funding of the simulated perpetuals, by Bybit's published formula: settled every
/// <see cref="SimulatorOptions.FundingIntervalHours"/> hours from midnight UTC; rate = premium index +
/// clamp(interest rate − premium index, −0.05 %, +0.05 %), capped at ±0.75 %, with the interest rate 0.01 % per
/// 8 hours (pro rata to the interval) and the premium index (mark − index) / index.
/// </summary>
public sealed class FundingSchedule(IOptions<SimulatorOptions> options)
{
    private const decimal InterestRatePer8Hours = 0.0001m;
    private const decimal ClampBand = 0.0005m;
    private const decimal Cap = 0.0075m;

    public int IntervalHours => options.Value.FundingIntervalHours;

    public DateTimeOffset NextFundingTime(DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return day.AddHours(IntervalHours * (Math.Floor(now.UtcDateTime.TimeOfDay.TotalHours / IntervalHours) + 1));
    }

    /// <summary>The funding time at or before <paramref name="now"/>.</summary>
    public DateTimeOffset LastFundingTime(DateTimeOffset now) => NextFundingTime(now).AddHours(-IntervalHours);

    public decimal RateAt(decimal markPrice, decimal indexPrice) => RateAt(markPrice, indexPrice, IntervalHours);

    public static decimal RateAt(decimal markPrice, decimal indexPrice, int intervalHours)
    {
        if (indexPrice <= 0)
        {
            return 0m;
        }

        var interest = InterestRatePer8Hours * intervalHours / 8m;
        var premium = (markPrice - indexPrice) / indexPrice;
        var rate = premium + Math.Clamp(interest - premium, -ClampBand, ClampBand);
        return decimal.Round(Math.Clamp(rate, -Cap, Cap), 6);
    }
}
