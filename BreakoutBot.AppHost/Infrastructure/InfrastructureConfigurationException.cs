namespace BreakoutBot.AppHost.Infrastructure;

/// <summary>The AppHost cannot start with this configuration or on this machine; the message says what to change.</summary>
public sealed class InfrastructureConfigurationException : Exception
{
    public InfrastructureConfigurationException()
    {
    }

    public InfrastructureConfigurationException(string message)
        : base(message)
    {
    }

    public InfrastructureConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
