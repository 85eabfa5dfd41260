namespace BreakoutBot.Cli.Csv;

/// <summary>A quotes file that cannot be used; the message names the file line and the problem.</summary>
public sealed class QuoteCsvException : Exception
{
    public QuoteCsvException()
    {
    }

    public QuoteCsvException(string message)
        : base(message)
    {
    }

    public QuoteCsvException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public QuoteCsvException(int lineNumber, string problem)
        : base($"line {lineNumber}: {problem}")
    {
        LineNumber = lineNumber;
    }

    public int LineNumber { get; }
}
