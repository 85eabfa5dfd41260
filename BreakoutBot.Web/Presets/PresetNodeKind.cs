namespace BreakoutBot.Web.Presets;

/// <summary>What input a preset field gets.</summary>
public enum PresetNodeKind
{
    Object,
    Number,
    Text,
    Boolean,

    /// <summary>Arrays and nulls are edited as JSON text.</summary>
    Json,
}
