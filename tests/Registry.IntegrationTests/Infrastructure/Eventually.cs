namespace Registry.IntegrationTests.Infrastructure;

/// <summary>Waits for a background worker (imports, webhooks); giving up after a minute is a failure, not a timing claim.</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await read() is var value && done(value))
            {
                return value;
            }
        }

        throw new TimeoutException($"{what} did not happen within a minute.");
    }

    public static Task UntilAsync(Func<Task<bool>> condition, string what) => UntilAsync(condition, done => done, what);
}
