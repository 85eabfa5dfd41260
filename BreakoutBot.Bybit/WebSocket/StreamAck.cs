namespace BreakoutBot.Bybit.WebSocket;

/// <summary>The venue's answer to an op (<c>success</c>, <c>ret_msg</c>).</summary>
internal sealed record StreamAck(bool Success, string Message);
