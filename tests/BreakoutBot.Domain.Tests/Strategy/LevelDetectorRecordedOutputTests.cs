using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Domain.Strategy;

namespace BreakoutBot.Domain.Tests.Strategy;

/// <summary>
/// Pins <see cref="LevelDetector.Detect(System.Collections.Generic.IReadOnlyList{BreakoutBot.Domain.MarketData.Candle}, LevelDetectionRules)"/> to outputs recorded from the original (LINQ) implementation on seeded
/// synthetic paths, so performance work on the detector cannot change a single level: price (with its decimal scale,
/// which signal ids print), touches, touch times and strength to the last bit.
/// </summary>
public sealed class LevelDetectorRecordedOutputTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly LevelDetectionRules[] RuleVariants =
    [
        new() { MinTouches = 3, ToleranceFraction = 0.0015m },
        new() { MinTouches = 2, ToleranceFraction = 0.0005m },
        new() { MinTouches = 4, ToleranceFraction = 0.003m, ToleranceAtr = 0m, MinSeparationAtr = 0m },
        new() { MinTouches = 2, ToleranceFraction = 0m, ToleranceAtr = 0.25m, MinSeparationAtr = 1m, SwingBars = 3, HighVolumePercentile = 70 },
    ];

    [Fact]
    public void Detect_SeededSyntheticWindows_MatchRecordedOutput()
    {
        var fingerprint = Fingerprint(seed: 7, bars: 400);

        // SHA-256 of every window's levels, recorded before the detector was optimised.
        Assert.Equal("F31986AD0D3FADB4F6A716AC62C06F55A557A9A1CBD50DE454B67EFA44ED56D6", Hash(fingerprint));
    }

    [Fact]
    public void Detect_FirstSymbolLastWindow_MatchesRecordedLevels()
    {
        var history = History(seed: 7, bars: 400)[0];

        var levels = LevelDetector.Detect(history.GetRange(history.Count - 120, 120), RuleVariants[0]);

        string[] recorded =
        [
            "54919.0/18/639291957000000000/639292077000000000/0.7330422474480282",
            "55243.377272727272727272727273/23/639291933000000000/639292065000000000/0.7522310164918542",
            "55534.842857142857142857142857/10/639291915000000000/639291996000000000/0.7424772412465447",
            "56023.6/4/639291903000000000/639291912000000000/0.566242550647184",
            "56558.05/3/639291885000000000/639291891000000000/0.5173998713800341",
            "56907.1/4/639291873000000000/639291882000000000/0.5361463889531938",
            "57245.8/4/639291855000000000/639291864000000000/0.590395647523771",
            "58155.883333333333333333333333/43/639291720000000000/639291855000000000/0.6706045560623612",
        ];
        Assert.Equal(recorded, levels.Select(Describe).ToArray());
    }

    private static string Fingerprint(int seed, int bars)
    {
        var builder = new StringBuilder();
        foreach (var history in History(seed, bars))
        {
            for (var end = 20; end <= history.Count; end += 17)
            {
                var window = history.GetRange(Math.Max(0, end - 120), Math.Min(end, 120));
                foreach (var rules in RuleVariants)
                {
                    builder.Append(Describe(LevelDetector.Detect(window, rules))).Append('|');
                }
            }

            // A still-forming last bar must be ignored exactly as before.
            var last = history[^1];
            var open = new Candle(last.Interval, last.CloseTime, last.Close, last.Close * 1.01m, last.Close * 0.99m, last.Close, last.Volume * 5, last.Turnover * 5, isClosed: false);
            var withOpen = history.GetRange(history.Count - 120, 120);
            withOpen.Add(open);
            builder.Append(Describe(LevelDetector.Detect(withOpen, RuleVariants[0]))).Append('#');
        }

        return builder.ToString();
    }

    private static List<Candle>[] History(int seed, int bars)
    {
        var market = new SyntheticMarket(seed, Start);
        var history = market.Symbols.Select(_ => new List<Candle>()).ToArray();
        for (var bar = 0; bar < bars; bar++)
        {
            var next = market.NextBars();
            for (var s = 0; s < history.Length; s++)
            {
                history[s].Add(next[s]);
            }
        }

        return history;
    }

    private static string Describe(IReadOnlyList<HorizontalLevel> levels) => string.Join(";", levels.Select(Describe));

    private static string Describe(HorizontalLevel level) => string.Create(
        CultureInfo.InvariantCulture,
        $"{level.Price}/{level.Touches}/{level.FirstTouchTime.UtcTicks}/{level.LastTouchTime.UtcTicks}/{level.Strength:R}");

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
