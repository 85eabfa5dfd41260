namespace BreakoutBot.Contracts.Backtests;

/// <summary>One backtest run in a list: who asked for what, where it is, and its figures once it succeeded.</summary>
/// <param name="Progress">Share of the market's bars read, 0 to 1.</param>
/// <param name="Error">Why it failed (or was cancelled), for a person to read.</param>
public sealed record BacktestRunSummary(
    Guid Id,
    string Preset,
    int PresetVersion,
    string Status,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    double Progress,
    string? Error,
    BacktestFigures? Figures);
