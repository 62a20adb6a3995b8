using System.Net.Sockets;
using Npgsql;

namespace Registry.Api.Data;

/// <summary>
/// Whether a failure means that the database cannot be reached just now — refused or broken connections, timeouts,
/// a server shutting down, starting up or out of connections — and so is worth retrying later, unlike an SQL error,
/// which is a bug. Requests answer 503 with Retry-After for these (ProblemSetup); start-up migrations retry.
/// </summary>
public static class DatabaseOutage
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exceptions
                        || postgres.SqlState is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.AdminShutdown
                            or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
                // Npgsql's own: transient when it wraps a socket, I/O or timeout failure (the pool being exhausted too).
                case NpgsqlException { IsTransient: true }:
                case SocketException or TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
