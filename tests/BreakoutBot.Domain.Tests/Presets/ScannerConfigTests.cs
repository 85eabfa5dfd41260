using System.Text.Json.Nodes;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Tests.Presets;

public class ScannerConfigTests
{
    [Fact]
    public void Load_UnknownScoreWeight_NamesTheKnownComponents()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["scanner_config"]!["score_weights"]!["level_quality"] = 0.1m;

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.scanner_config.score_weights.level_quality", error.Path);
        Assert.Contains("unknown score component 'level_quality'", error.Message, StringComparison.Ordinal);
        Assert.Contains("vol_surge, oi_delta, atr_quality, correlation, trades_per_minute, gainers_momentum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_KnownScoreWeights_AreTyped()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["scanner_config"]!["score_weights"] = new JsonObject { ["vol_surge"] = 0.7m, ["gainers_momentum"] = -0.3m };

        var weights = PresetFixtures.Load(preset).Preset!.ScannerConfig.ScoreWeights;

        Assert.Equal(0.7m, weights[ScoreComponent.VolSurge]);
        Assert.Equal(-0.3m, weights[ScoreComponent.GainersMomentum]);
        Assert.Equal(2, weights.Count);
    }

    [Fact]
    public void Load_ScoreWeightsTotalOutsideBand_ReportsTotal()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["scanner_config"]!["score_weights"] = new JsonObject { ["vol_surge"] = 0.5m, ["oi_delta"] = 0.2m };

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.scanner_config.score_weights", error.Path);
        Assert.Contains("add up to 0.7", error.Message, StringComparison.Ordinal);
        Assert.Contains("[0.8, 1.2]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyScoreWeights_IsRejected()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["scanner_config"]!["score_weights"] = new JsonObject();

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.scanner_config.score_weights", error.Path);
    }

    [Theory]
    [InlineData("BTC/USDT:USDT", "write it as Bybit does: 'BTCUSDT'")]
    [InlineData("ETH/USDT", "write it as Bybit does: 'ETHUSDT'")]
    [InlineData("USDC/USD", "is not a USDT perpetual")]
    [InlineData("btcusdt", "must be upper-case: 'BTCUSDT'")]
    [InlineData("BTCUSD", "is not valid")]
    public void Load_SymbolNotInBybitForm_ExplainsTheFix(string symbol, string expected)
    {
        var preset = PresetFixtures.ValidPreset();
        preset["scanner_config"]!["symbol_whitelist"] = new JsonArray("ETHUSDT", symbol);

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.scanner_config.symbol_whitelist[1]", error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SymbolInBothLists_IsRejected()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["scanner_config"]!["symbol_blacklist"] = new JsonArray("SOLUSDT", "ETHUSDT");

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.scanner_config.symbol_blacklist[1]", error.Path);
        Assert.Contains("both", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SymbolListedTwice_IsRejected()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["scanner_config"]!["symbol_blacklist"] = new JsonArray("SOLUSDT", "SOLUSDT");

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.scanner_config.symbol_blacklist[1]", error.Path);
    }

    [Fact]
    public void Load_EmptyWhitelist_IsRejectedBecauseItWouldEmptyTheUniverse()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["scanner_config"]!["symbol_whitelist"] = new JsonArray();

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.scanner_config.symbol_whitelist", error.Path);
    }

    [Fact]
    public void Load_NoWhitelistAndLeadingDigitSymbols_AreAccepted()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["scanner_config"]!["symbol_whitelist"] = null;
        preset["scanner_config"]!["symbol_blacklist"] = new JsonArray("1000PEPEUSDT");

        var scanner = PresetFixtures.Load(preset).Preset!.ScannerConfig;

        Assert.Null(scanner.SymbolWhitelist);
        Assert.Equal(["1000PEPEUSDT"], scanner.SymbolBlacklist!);
    }

    [Fact]
    public void Load_LosersFilterWithPositiveChange_IsRejected()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["scanner_config"]!["losers_filter"] = new JsonObject
        {
            ["enabled"] = true,
            ["max_24h_change_pct"] = 6.0m,
            ["top_n_losers"] = 30,
        };

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.scanner_config.losers_filter.max_24h_change_pct", error.Path);
    }
}
