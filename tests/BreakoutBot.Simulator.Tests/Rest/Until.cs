namespace BreakoutBot.Simulator.Tests.Rest;

/// <summary>Condition waits with a generous limit: the machine may be loaded, so only the limit is about time.</summary>
internal static class Until
{
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan? limit = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> probe, TimeSpan? limit = null) =>
        await ValueAsync<object>(async () => await probe() ? new object() : null, limit);
}
