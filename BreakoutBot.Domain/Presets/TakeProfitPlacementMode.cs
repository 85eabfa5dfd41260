namespace BreakoutBot.Domain.Presets;

/// <summary>Where a take-profit level's order goes (<c>placement_mode</c>).</summary>
public enum TakeProfitPlacementMode
{
    /// <summary><c>fixed</c>: exactly at entry ± R × <c>reward_multiple</c>.</summary>
    Fixed,

    /// <summary><c>smart</c>: may be moved by the take-profit optimiser (see <see cref="TakeProfitSmartPlacement"/>) to sit in front of density zones and S/R levels.</summary>
    Smart,

    /// <summary><c>adaptive</c>: placed like <see cref="Smart"/>; reserved for placement that also adapts while the position runs.</summary>
    Adaptive,
}
