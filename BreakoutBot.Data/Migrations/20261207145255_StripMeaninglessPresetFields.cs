using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BreakoutBot.Data.Migrations
{
    /// <summary>
    /// Removes from every stored preset version the three fields the schema no longer accepts (no logic ever read them):
    /// <c>signal_config.prelevel_limit_offset_bps</c>, <c>levels_rules.approach_slope_max_pct_per_bar</c> and
    /// <c>levels_rules.prebreakout_consolidation_min_bars</c>. Without this, versions stored before would no longer load,
    /// and positions pinned to them could not be managed. What a version does is unchanged: the fields did nothing.
    /// </summary>
    public partial class StripMeaninglessPresetFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE preset_versions
                SET json = json #- '{signal_config,prelevel_limit_offset_bps}'
                                #- '{levels_rules,approach_slope_max_pct_per_bar}'
                                #- '{levels_rules,prebreakout_consolidation_min_bars}'
                WHERE json #> '{signal_config}' ? 'prelevel_limit_offset_bps'
                   OR json #> '{levels_rules}' ? 'approach_slope_max_pct_per_bar'
                   OR json #> '{levels_rules}' ? 'prebreakout_consolidation_min_bars';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The removed values carried no meaning and are not restored; older code requires them, so a downgrade past
            // this migration needs the presets re-saved with those fields.
        }
    }
}
