using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Scanning;

/// <summary>
/// One weighted component of a symbol's score: the raw measure, its clipped z-score across the universe and
/// weight × z. A null raw value (missing data) has no z and contributes 0, the universe average.
/// </summary>
public sealed record ScoreComponentValue(ScoreComponent Component, double? RawValue, double? ZScore, decimal Weight, double Contribution);
