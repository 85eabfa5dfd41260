namespace BreakoutBot.Backtesting.Data;

/// <summary>Input a backtest cannot use: names the file and, where there is one, the line (1 = the header).</summary>
public sealed class BacktestInputException : Exception
{
    public BacktestInputException(string file, int? line, string problem)
        : base(line is { } number ? $"{file}:{number}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public BacktestInputException()
    {
        File = "";
        Problem = "";
    }

    public BacktestInputException(string message)
        : base(message)
    {
        File = "";
        Problem = message;
    }

    public BacktestInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
        Problem = message;
    }

    public string File { get; }

    public int? Line { get; }

    public string Problem { get; }
}
