namespace BreakoutBot.Bybit.WebSocket;

/// <summary>The venue refused a stream request (subscribe, auth); the message is the venue's <c>ret_msg</c>, never a credential.</summary>
public class BybitStreamException : Exception
{
    public BybitStreamException()
    {
    }

    public BybitStreamException(string message)
        : base(message)
    {
    }

    public BybitStreamException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
