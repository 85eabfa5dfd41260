namespace BreakoutBot.Cli.Deployment;

/// <summary>An Aspire manifest that cannot be turned into Kubernetes objects; the message names the resource and the problem.</summary>
public sealed class ManifestException : Exception
{
    public ManifestException()
    {
    }

    public ManifestException(string message)
        : base(message)
    {
    }

    public ManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
