namespace BreakoutBot.Cli.Deployment;

/// <summary>A manifest value with every <c>{...}</c> expression replaced by in-cluster text or a parameter reference.</summary>
/// <remarks>
/// <see cref="UnservedBinding"/> names a binding the cluster does not serve (<c>{api.bindings.https.url}</c>) when
/// the value refers to one; the caller leaves such a value out, saying so, or fails.
/// </remarks>
public sealed record ResolvedValue(IReadOnlyList<ValuePart> Parts, string? UnservedBinding = null)
{
    public bool HasParameters => Parts.Any(part => part.IsParameter);

    /// <summary>The parameter name when the whole value is exactly one parameter, else null.</summary>
    public string? OnlyParameter => Parts is [{ IsParameter: true } only] ? only.Text : null;

    /// <summary>The text when no parameter is involved.</summary>
    /// <exception cref="InvalidOperationException">The value refers to a parameter.</exception>
    public string LiteralText => HasParameters
        ? throw new InvalidOperationException("The value refers to a parameter.")
        : string.Concat(Parts.Select(part => part.Text));

    public bool Equals(ResolvedValue? other) => other is not null && Parts.SequenceEqual(other.Parts) && UnservedBinding == other.UnservedBinding;

    public override int GetHashCode() => Parts.Aggregate(UnservedBinding?.GetHashCode(StringComparison.Ordinal) ?? 0, (hash, part) => HashCode.Combine(hash, part));
}
