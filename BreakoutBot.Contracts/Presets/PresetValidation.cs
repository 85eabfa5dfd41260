namespace BreakoutBot.Contracts.Presets;

/// <summary>Body of a successful <c>POST /api/presets/validate</c> (an invalid document is a 400 ValidationProblem).</summary>
public sealed record PresetValidation(string Name, bool Valid);
