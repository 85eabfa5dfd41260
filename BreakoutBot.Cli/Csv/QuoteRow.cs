using BreakoutBot.Domain.Indicators;

namespace BreakoutBot.Cli.Csv;

/// <summary>One parsed quotes row: the date exactly as written (echoed in the output) and the bar.</summary>
public readonly record struct QuoteRow(string DateText, DateTime Date, Ohlcv Bar);
