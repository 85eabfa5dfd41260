namespace BreakoutBot.Bybit.WebSocket;

/// <summary>The venue refused the private stream's <c>auth</c> (bad key, bad signature or expired).</summary>
public sealed class BybitStreamAuthenticationException : BybitStreamException
{
    public BybitStreamAuthenticationException()
    {
    }

    public BybitStreamAuthenticationException(string message)
        : base(message)
    {
    }

    public BybitStreamAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
