using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BreakoutBot.Simulator.Tests.Streams;

/// <summary>A logger provider that keeps every formatted message (with exception text) for tests to search.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, EventId EventId, string Text)> _entries = new();

    public IReadOnlyList<(string Category, EventId EventId, string Text)> Entries => [.. _entries];

    public string AllText => string.Join('\n', _entries.Select(entry => $"{entry.Category} {entry.EventId.Id} {entry.Text}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public ILogger<T> For<T>() => new Logger<T>(new Factory(this));

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue((category, eventId, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }

    private sealed class Factory(CapturedLogs owner) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => owner.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
