using System.ComponentModel.DataAnnotations;

namespace BreakoutBot.Bybit;

/// <summary>
/// The <c>Bybit</c> configuration section: where the venue is (Bybit or the simulator, by base URL; the streams are in <c>Bybit:Streams</c>), the account's key,
/// and how patient the client is. The secret is only ever used to sign; this class never prints it.
/// </summary>
public sealed class BybitOptions : IValidatableObject
{
    public const string SectionName = "Bybit";

    /// <summary>
    /// REST base address: <c>https://api.bybit.com</c>, <c>https://api-testnet.bybit.com</c>, or the simulator by
    /// service name (<c>http://exchange-sim</c>, <c>https+http://exchange-sim</c>) for service discovery.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string BaseUrl { get; set; } = "";

    /// <summary>API key; only needed for private endpoints.</summary>
    public string? ApiKey { get; set; }

    /// <summary>API secret; only needed for private endpoints. Never logged.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>X-BAPI-RECV-WINDOW in milliseconds.</summary>
    [Range(1_000, 60_000)]
    public long RecvWindowMs { get; set; } = 5_000;

    /// <summary>Retries after the first attempt of a request that may be retried.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First back-off delay; it doubles per retry, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Limit of one attempt; a request that times out counts as failed (and, unless it is an order create, is retried).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for a rate limit to reset (X-Bapi-Limit-Reset-Timestamp); Bybit's windows are one second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Seed of the back-off jitter; null draws from the shared random source.</summary>
    public int? RetrySeed { get; set; }

    public bool HasCredentials => !string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(ApiSecret);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUri) && baseUri.Scheme is "http" or "https" or "https+http" or "http+https"))
        {
            yield return new ValidationResult("Bybit:BaseUrl must be an absolute http(s) URL (or https+http:// for service discovery).", [nameof(BaseUrl)]);
        }

        if (string.IsNullOrWhiteSpace(ApiKey) != string.IsNullOrWhiteSpace(ApiSecret))
        {
            yield return new ValidationResult("Bybit:ApiKey and Bybit:ApiSecret must be set together.", [nameof(ApiKey), nameof(ApiSecret)]);
        }
    }

    public override string ToString() => $"BybitOptions({BaseUrl}, key {(HasCredentials ? "set" : "not set")})";
}
