using System.Net.Sockets;
using Npgsql;
using Registry.Api.Data;

namespace Registry.Tests.Data;

public sealed class DatabaseOutageTests
{
    public static TheoryData<Exception> Outages() =>
    [
        new NpgsqlException("Failed to connect to 127.0.0.1:1", new SocketException((int)SocketError.ConnectionRefused)),
        new NpgsqlException("Exception while reading from stream", new IOException("Connection reset by peer")),
        new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt")),
        new NpgsqlException("The connection pool has been exhausted", new TimeoutException()),
        new PostgresException("the database system is shutting down", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow),
        new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown),
        new PostgresException("sorry, too many clients already", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections),
        new PostgresException("connection failure", "FATAL", "FATAL", PostgresErrorCodes.ConnectionFailure),
        new InvalidOperationException("wrapped", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.HostUnreachable))),
    ];

    public static TheoryData<Exception> Bugs() =>
    [
        new PostgresException("syntax error at or near \"SELEC\"", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError),
        new PostgresException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "ERROR", PostgresErrorCodes.CharacterNotInRepertoire),
        new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected),
        new PostgresException("canceling statement due to statement timeout", "ERROR", "ERROR", PostgresErrorCodes.QueryCanceled),
        new NpgsqlException("Received unexpected backend message"),
        new InvalidCastException("Reading as 'System.Int32' is not supported for fields having DataTypeName 'text'"),
        new FormatException("The input string was not in a correct format."),
    ];

    [Theory]
    [MemberData(nameof(Outages))]
    public void AnUnreachableDatabaseIsAnOutage(Exception failure) => Assert.True(DatabaseOutage.Is(failure));

    [Theory]
    [MemberData(nameof(Bugs))]
    public void AnSqlErrorOrAnyOtherFailureIsNot(Exception failure) => Assert.False(DatabaseOutage.Is(failure));
}
