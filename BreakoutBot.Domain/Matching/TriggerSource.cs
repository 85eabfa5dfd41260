namespace BreakoutBot.Domain.Matching;

/// <summary>Bybit's <c>triggerBy</c>: the price a conditional order watches.</summary>
public enum TriggerSource
{
    LastPrice,
    MarkPrice,
    IndexPrice,
}
