namespace BreakoutBot.AppHost.Infrastructure;

/// <summary>Who connects to Redis: each service has a user of its own, allowed only what it does.</summary>
public enum RedisRole
{
    /// <summary>Publishes signals and scan events, keeps its snapshot and status; reads the engine's state.</summary>
    Scanner,

    /// <summary>Consumes signals and commands (never adds to them), publishes trading events and the engine's state.</summary>
    Executor,

    /// <summary>Reads everything; the only writer of engine commands.</summary>
    Api,
}

/// <summary>
/// Redis ACL users per role, written into the Local infrastructure's <c>redis.conf</c> and onto the Redis container's
/// command line (<see cref="ContainerRedisUsers"/>): a service's connection can touch
/// only its own keys and channels (the scanner cannot write a command, the executor can only consume them, only the
/// Api adds one), and no role runs administrative or dangerous commands. The default user keeps the admin password
/// (health checks, an operator's redis-cli).
/// </summary>
public static class RedisAccess
{
    /// <summary>
    /// Every command but administrative and dangerous ones; INFO (no secrets in it) stays, for the client's handshake
    /// (CONFIG does not: CONFIG GET would read the passwords; the connection strings tell the client not to use it).
    /// </summary>
    private const string Commands = "+@all -@dangerous -@admin +info";

    /// <summary>
    /// What a role's connection string adds: no CONFIG (refused to roles) and no tie-breaker key (one server; the
    /// key is not among the role's keys), so StackExchange.Redis's handshake asks nothing Redis must refuse.
    /// </summary>
    public const string ClientOptions = ",tiebreaker=,$CONFIG=";

    /// <summary>The SUBSCRIBE StackExchange.Redis issues on every connection (configuration-change broadcasts).</summary>
    private const string ClientChannel = "&__Booksleeve_MasterChanged";

    /// <summary>The user name of a role, as its connection string names it.</summary>
    public static string UserOf(RedisRole role) => role.ToString().ToLowerInvariant();

    /// <summary>The role's ACL rules after its password (keys, channels, commands).</summary>
    public static string RulesOf(RedisRole role) => role switch
    {
        RedisRole.Scanner =>
            $"resetkeys ~signals ~trading-events ~scanner:* ~scan:latest %R~engine:state resetchannels &notify:signals &notify:trading-events {ClientChannel} {Commands}",
        RedisRole.Executor =>
            // Consuming needs write access to the stream (XREADGROUP moves the group's cursor): granted by a selector that
            // allows the consumer-group commands only, never XADD.
            $"resetkeys ~trading-events ~engine:state ~signals:dead ~commands:dead resetchannels &notify:* {ClientChannel} {Commands} "
            + "(~signals ~commands +xreadgroup +xack +xautoclaim +xclaim +xpending +xgroup|create +xgroup|createconsumer +xinfo +xrange +xrevrange +xlen)",
        RedisRole.Api =>
            $"resetkeys %R~* ~commands resetchannels &* {Commands}",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a Redis role"),
    };

    /// <summary>
    /// The role's rules one by one, as Redis takes them as separate arguments: split at spaces, except that a selector
    /// in parentheses stays one rule.
    /// </summary>
    public static IReadOnlyList<string> RuleWordsOf(RedisRole role)
    {
        var words = new List<string>();
        var rules = RulesOf(role);
        var start = 0;
        var depth = 0;
        for (var index = 0; index <= rules.Length; index++)
        {
            if (index == rules.Length || (rules[index] == ' ' && depth == 0))
            {
                if (index > start)
                {
                    words.Add(rules[start..index]);
                }

                start = index + 1;
            }
            else if (rules[index] == '(')
            {
                depth++;
            }
            else if (rules[index] == ')')
            {
                depth--;
            }
        }

        return words;
    }

    /// <summary>The <c>user</c> lines of <c>redis.conf</c> for every role, each with its password.</summary>
    public static string ConfigLines(Func<RedisRole, string> passwordOf)
    {
        ArgumentNullException.ThrowIfNull(passwordOf);
        return string.Concat(Enum.GetValues<RedisRole>().Select(role => $"user {UserOf(role)} on >{passwordOf(role)} {RulesOf(role)}\n"));
    }
}
