using System.Globalization;
using BreakoutBot.Domain.Indicators;

namespace BreakoutBot.Domain.Tests.Indicators;

/// <summary>Every indicator against the full reference series and every individually asserted reference point.</summary>
public class ReferenceSeriesTests
{
    public static TheoryData<string> Names() => [.. IndicatorCatalog.All.Select(definition => definition.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Calculate_DefaultParameters_MatchesFullReferenceSeries(string name)
    {
        var (fields, expected) = ReferenceData.FullSeries(name);

        var actual = IndicatorCatalog.Find(name)!.Create().Run(ReferenceData.Quotes());

        Assert.Equal(fields, actual.FieldNames);
        var mismatches = new List<string>();
        foreach (var field in fields)
        {
            for (var i = 0; i < expected[field].Length; i++)
            {
                if (!ReferenceData.Close(expected[field][i], actual[field][i]))
                {
                    mismatches.Add($"{field}[{i}]: expected {expected[field][i].ToString("R", CultureInfo.InvariantCulture)}, got {actual[field][i].ToString("R", CultureInfo.InvariantCulture)}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches, first: {string.Join("; ", mismatches.Take(5))}");
    }

    public static TheoryData<string> AssertedIndicators() =>
        [.. File.ReadLines(Path.Combine(ReferenceData.Directory, "asserts_long.csv")).Skip(1).Where(line => line.Length > 0)
            .Select(line => ReferenceData.SplitCsv(line)[0]).Distinct()];

    [Theory]
    [MemberData(nameof(AssertedIndicators))]
    public void Calculate_AssertedParameters_MatchesEveryAssertedPoint(string indicator)
    {
        var (bars, series) = RunAsserted(indicator);
        var rows = File.ReadLines(Path.Combine(ReferenceData.Directory, "asserts_long.csv")).Skip(1)
            .Select(ReferenceData.SplitCsv).Where(cells => cells[0] == indicator).ToList();

        Assert.NotEmpty(rows);
        foreach (var cells in rows)
        {
            var index = int.Parse(cells[3], CultureInfo.InvariantCulture);
            var field = cells[5];
            var actual = series[field][index];
            var where = $"{indicator} {field}[{index}] of {bars} bars";
            switch (cells[6])
            {
                case "null":
                    Assert.True(double.IsNaN(actual), $"{where}: expected null, got {actual}");
                    break;
                case "notnull":
                    Assert.False(double.IsNaN(actual), $"{where}: expected a value");
                    break;
                case "equals_field":
                    Assert.Equal(series[cells[7]][index], actual);
                    break;
                case "exact":
                    Assert.Equal(double.Parse(cells[7], CultureInfo.InvariantCulture), actual);
                    break;
                case "approx":
                    var expected = double.Parse(cells[7], CultureInfo.InvariantCulture);
                    var tolerance = double.Parse(cells[8], CultureInfo.InvariantCulture);
                    Assert.True(Math.Abs(expected - actual) <= tolerance, $"{where}: expected {expected} ± {tolerance}, got {actual}");
                    break;
                default:
                    Assert.Fail($"Unknown assertion kind '{cells[6]}'.");
                    break;
            }
        }
    }

    private static (int Bars, IndicatorSeries Series) RunAsserted(string indicator)
    {
        var quotes = ReferenceData.Quotes(indicator == "vwap" ? "quotes_intraday.csv" : "quotes.csv");
        Indicator instance = indicator switch
        {
            "adx" => new AverageDirectionalIndex(14),
            "atr" => new AverageTrueRange(14),
            "bollinger" => new BollingerBands(20, 2),
            "chandelier" => new ChandelierExit(22, 3, ChandelierDirection.Long),
            "chandelier_short" => new ChandelierExit(22, 3, ChandelierDirection.Short),
            "donchian" => new DonchianChannels(20),
            "ema" => new ExponentialMovingAverage(20),
            "keltner" => new KeltnerChannels(20, 2, 10),
            "macd" => new Macd(12, 26, 9),
            "obv" => new OnBalanceVolume(),
            "roc" => new RateOfChange(20),
            "rsi" => new RelativeStrengthIndex(14),
            "sma" => new SimpleMovingAverage(20),
            "stoch" => new Stochastic(14, 3, 3),
            "supertrend" => new SuperTrend(14, 3),
            "vwap" => new VolumeWeightedAveragePrice(),
            _ => throw new InvalidOperationException($"No parameters known for asserted indicator '{indicator}'."),
        };
        return (quotes.Length, instance.Run(quotes));
    }
}
