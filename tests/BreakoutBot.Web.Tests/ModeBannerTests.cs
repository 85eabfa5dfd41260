using BreakoutBot.Contracts.Engine;
using BreakoutBot.Web.Components.Controls;

namespace BreakoutBot.Web.Tests;

public class ModeBannerTests : BunitContext
{
    [Theory]
    [InlineData("sim", "SIMULATED", "mode-sim")]
    [InlineData("paper", "PAPER", "mode-paper")]
    [InlineData("testnet", "TESTNET", "mode-testnet")]
    [InlineData("live", "LIVE", "mode-live")]
    [InlineData(null, "MODE UNKNOWN", "mode-unknown")]
    public void Render_Mode_ShowsItsNameAndStyle(string? mode, string label, string css)
    {
        var banner = Render<ModeBanner>(parameters => parameters.Add(p => p.Mode, mode));

        var element = banner.Find("[data-testid=mode-banner]");
        Assert.Equal(label, element.QuerySelector(".mode-name")!.TextContent);
        Assert.Contains(css, element.ClassList);
        Assert.Equal("Trading mode", element.GetAttribute("aria-label"));
    }

    [Fact]
    public void KillSwitchBanner_Tripped_ShowsReasonAsAlert()
    {
        var banner = Render<KillSwitchBanner>(parameters => parameters.Add(p => p.KillSwitch, new KillSwitchStatus(true, "daily loss limit", DateTimeOffset.UnixEpoch)));

        var alert = banner.Find("[data-testid=kill-switch-banner]");
        Assert.Equal("alert", alert.GetAttribute("role"));
        Assert.Contains("daily loss limit", alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void KillSwitchBanner_Armed_RendersNothing()
    {
        var banner = Render<KillSwitchBanner>(parameters => parameters.Add(p => p.KillSwitch, new KillSwitchStatus(false, null, null)));

        Assert.Empty(banner.FindAll("[data-testid=kill-switch-banner]"));
    }
}
