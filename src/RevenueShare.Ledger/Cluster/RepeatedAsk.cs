using Akka.Actor;

namespace RevenueShare.Ledger.Cluster;

/// <summary>
/// Asking across a cluster: a message sent to a node as it dies is lost with it (remoting delivers at
/// most once), and its sender would wait out the whole timeout. A message whose second delivery changes
/// nothing the first did not is sent again after <see cref="FirstTry"/>, then after twice as long each
/// time, and reaches the node that took over once the cluster has moved on.
/// </summary>
internal static class RepeatedAsk
{
    /// <summary>How long a node waits for an answer before it sends the message again.</summary>
    public static readonly TimeSpan FirstTry = TimeSpan.FromSeconds(2);

    public static async Task<T> AskAsync<T>(IActorRef to, object message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var asking = System.Diagnostics.Stopwatch.StartNew();
        for (var wait = FirstTry; ; wait *= 2)
        {
            var left = timeout - asking.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                left = TimeSpan.FromMilliseconds(1);
            }

            try
            {
                return await to.Ask<T>(message, left < wait * 2 ? left : wait, cancellationToken);
            }
            catch (AskTimeoutException) when (timeout - asking.Elapsed > TimeSpan.Zero)
            {
                // Lost, or only slow: asked again; a slow first answer is the same as the second.
            }
        }
    }
}
