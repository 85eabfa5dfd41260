using System.ComponentModel.DataAnnotations;

namespace BreakoutBot.Domain.Trading;

/// <summary>The <c>Trading</c> configuration section every service reads.</summary>
public sealed class TradingOptions : IValidatableObject
{
    public const string SectionName = "Trading";

    /// <summary><c>sim</c> (default), <c>paper</c>, <c>testnet</c>, <c>demo</c> or <c>live</c>.</summary>
    public string Mode { get; set; } = TradingModeNames.ToName(TradingModeNames.Default);

    public TradingMode ParsedMode =>
        TradingModeNames.TryParse(Mode, out var mode) ? mode : throw new InvalidOperationException(InvalidModeMessage(Mode));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TradingModeNames.TryParse(Mode, out _))
        {
            yield return new ValidationResult(InvalidModeMessage(Mode), [nameof(Mode)]);
        }
    }

    private static string InvalidModeMessage(string? mode) =>
        $"Trading:Mode '{mode}' is not valid; use one of: {string.Join(", ", TradingModeNames.All)}.";
}
