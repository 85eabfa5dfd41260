namespace BreakoutBot.Bybit.Rest;

/// <summary>The venue answered with a non-zero <c>retCode</c>; callers decide by <see cref="RetCode"/>, never by text.</summary>
public sealed class BybitApiException : Exception
{
    public BybitApiException()
    {
    }

    public BybitApiException(string message)
        : base(message)
    {
    }

    public BybitApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BybitApiException(string endpoint, int retCode, string retMessage)
        : base($"{endpoint} failed with retCode {retCode}: {retMessage}")
    {
        Endpoint = endpoint;
        RetCode = retCode;
        RetMessage = retMessage;
    }

    public string Endpoint { get; } = "";

    public int RetCode { get; }

    public string RetMessage { get; } = "";
}
