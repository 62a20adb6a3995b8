namespace Registry.Api.Data;

/// <summary>
/// The loop of a background worker (imports, webhooks, feed retention): once the start-up data is in place, rounds
/// until the host stops; a round that found work runs again at once, one that found none waits. Whatever fails in a
/// round is logged and the next round tries again: an exception escaping a background service would stop the host.
/// </summary>
public static class WorkerRounds
{
    public static async Task RunAsync(
        IServiceProvider services, string worker, TimeSpan pause, Func<CancellationToken, Task<bool>> round, ILogger logger, CancellationToken stoppingToken)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        await StartupData.WaitAsync(services, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await round(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "{Worker} failed; trying again", worker);
            }

            if (!busy)
            {
                try
                {
                    await Task.Delay(pause, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
