namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// The batch output of an indicator: one column of doubles per named field, one row per input bar.
/// <see cref="double.NaN"/> means "no value" (the indicator is still warming up, or the value is undefined).
/// </summary>
public sealed class IndicatorSeries
{
    private readonly double[][] _columns;

    public IndicatorSeries(IReadOnlyList<string> fieldNames, int length)
    {
        ArgumentNullException.ThrowIfNull(fieldNames);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        FieldNames = fieldNames;
        Length = length;
        _columns = new double[fieldNames.Count][];
        for (var field = 0; field < _columns.Length; field++)
        {
            _columns[field] = new double[length];
        }
    }

    public IReadOnlyList<string> FieldNames { get; }

    public int Length { get; }

    /// <summary>The column of a field by name, e.g. <c>upperBand</c>.</summary>
    public double[] this[string fieldName]
    {
        get
        {
            for (var field = 0; field < FieldNames.Count; field++)
            {
                if (string.Equals(FieldNames[field], fieldName, StringComparison.Ordinal))
                {
                    return _columns[field];
                }
            }

            throw new KeyNotFoundException($"No field '{fieldName}'; fields are: {string.Join(", ", FieldNames)}.");
        }
    }

    /// <summary>The column of a field by its position in <see cref="FieldNames"/>.</summary>
    public double[] Column(int field) => _columns[field];
}
