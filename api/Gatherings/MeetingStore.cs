using Dapper;
using Npgsql;
using Registry.Api.Http;
using Registry.Contracts.Gatherings;

namespace Registry.Api.Gatherings;

/// <summary>The meetings of a gathering as the database holds them, with their two participants' accounts, sites and sessions.</summary>
internal static class MeetingStore
{
    private const string Select = """
        SELECT m.id, m.gathering_id, m.buyer_id, m.supplier_id, m.requested_by, m.buyer_agreed, m.supplier_agreed, m.mutual, m.score, m.note,
               m.status, m.reason, m.slot, m.table_no, m.pinned, m.version,
               m.buyer_outcome, m.buyer_outcome_request_id, m.buyer_outcome_order_id, m.buyer_outcome_note, m.buyer_outcome_at,
               m.supplier_outcome, m.supplier_outcome_request_id, m.supplier_outcome_order_id, m.supplier_outcome_note, m.supplier_outcome_at,
               b.checked_in_at IS NOT NULL AND s.checked_in_at IS NOT NULL AS both_checked_in,
               b.account_id AS buyer_account_id, b.sessions AS buyer_sessions, coalesce(ba.organisation, ba.display_name) AS buyer_name,
               s.account_id AS supplier_account_id, s.sessions AS supplier_sessions, s.supplier_id AS supplier_site_id, site.name_ja AS supplier_name
        FROM gathering_meetings m
        JOIN gathering_participants b ON b.id = m.buyer_id
        JOIN accounts ba ON ba.id = b.account_id
        JOIN gathering_participants s ON s.id = m.supplier_id
        JOIN suppliers site ON site.id = s.supplier_id
        """;

    public static Task<Row?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid gatheringId, Guid meetingId, CancellationToken ct,
        bool forUpdate = false) =>
        connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} WHERE m.gathering_id = @gatheringId AND m.id = @meetingId{(forUpdate ? " FOR UPDATE OF m" : "")}",
            new { gatheringId, meetingId }, tx, cancellationToken: ct));

    public static Task<Row?> ReadPairAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid gatheringId, Guid buyerId, Guid supplierId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} WHERE m.gathering_id = @gatheringId AND m.buyer_id = @buyerId AND m.supplier_id = @supplierId",
            new { gatheringId, buyerId, supplierId }, tx, cancellationToken: ct));

    /// <summary>
    /// Every meeting of the gathering, or (<paramref name="account"/> given) those of that account's registrations, or
    /// (<paramref name="participant"/> given) those of one registration, in time order.
    /// </summary>
    public static async Task<IReadOnlyList<Row>> ListAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid gatheringId, Guid? account, CancellationToken ct,
        Guid? participant = null) =>
        [.. await connection.QueryAsync<Row>(new CommandDefinition($"""
            {Select} WHERE m.gathering_id = @gatheringId AND (@all OR b.account_id = @account OR s.account_id = @account)
                AND (@participant::uuid IS NULL OR m.buyer_id = @participant OR m.supplier_id = @participant)
            ORDER BY m.slot NULLS LAST, m.table_no, m.id
            """, new { gatheringId, account, all = account is null, participant }, tx, cancellationToken: ct))];

    /// <summary>One side agrees; with both, the meeting is accepted (and mutual when both asked for it).</summary>
    public static Task AgreeAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid meetingId, string side, bool mutual, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE gathering_meetings SET
                buyer_agreed = buyer_agreed OR @side = 'buyer', supplier_agreed = supplier_agreed OR @side = 'supplier',
                status = CASE WHEN (buyer_agreed OR @side = 'buyer') AND (supplier_agreed OR @side = 'supplier') THEN 'accepted' ELSE status END,
                mutual = mutual OR @mutual, version = version + 1, updated_at = now()
            WHERE id = @meetingId
            """, new { meetingId, side, mutual }, tx, cancellationToken: ct));

    public sealed class Row
    {
        public Guid Id { get; init; }
        public Guid GatheringId { get; init; }
        public Guid BuyerId { get; init; }
        public Guid SupplierId { get; init; }
        public string RequestedBy { get; init; } = "";
        public bool BuyerAgreed { get; init; }
        public bool SupplierAgreed { get; init; }
        public bool Mutual { get; init; }
        public double? Score { get; init; }
        public string? Note { get; init; }
        public string Status { get; init; } = "";
        public string? Reason { get; init; }
        public int? Slot { get; init; }
        public int? TableNo { get; init; }
        public bool Pinned { get; init; }
        public int Version { get; init; }
        public Guid BuyerAccountId { get; init; }
        public int[] BuyerSessions { get; init; } = [];
        public string BuyerName { get; init; } = "";
        public Guid SupplierAccountId { get; init; }
        public int[] SupplierSessions { get; init; } = [];
        public Guid SupplierSiteId { get; init; }
        public string SupplierName { get; init; } = "";
        public string? BuyerOutcome { get; init; }
        public Guid? BuyerOutcomeRequestId { get; init; }
        public Guid? BuyerOutcomeOrderId { get; init; }
        public string? BuyerOutcomeNote { get; init; }
        public DateTimeOffset? BuyerOutcomeAt { get; init; }
        public string? SupplierOutcome { get; init; }
        public Guid? SupplierOutcomeRequestId { get; init; }
        public Guid? SupplierOutcomeOrderId { get; init; }
        public string? SupplierOutcomeNote { get; init; }
        public DateTimeOffset? SupplierOutcomeAt { get; init; }
        public bool BothCheckedIn { get; init; }

        /// <summary>The two sat down together: an accepted meeting with a place, both sides checked in on the day.</summary>
        public bool Met => Status == "accepted" && Slot is not null && BothCheckedIn;

        public Meeting ToDto(GatheringsApi.Row gathering)
        {
            var at = Slot is { } index ? gathering.Slots().ElementAtOrDefault(index) : null;
            return new Meeting
            {
                Id = Id,
                GatheringId = GatheringId,
                BuyerId = BuyerId,
                BuyerName = BuyerName,
                SupplierId = SupplierId,
                SupplierName = SupplierName,
                RequestedBy = WireNames.Parse<MeetingRequester>(RequestedBy),
                Mutual = Mutual,
                Score = Score is { } score ? Math.Round(score, 4) : null,
                Status = WireNames.Parse<MeetingStatus>(Status),
                Note = Note,
                Reason = Reason,
                Place = at is null || TableNo is not { } table ? null : new MeetingPlace { Session = at.Session, Slot = at.SlotInSession, Table = table },
                StartsAt = at?.StartsAt,
                EndsAt = at?.EndsAt,
                Pinned = Pinned,
                Met = Met,
                BuyerOutcome = Outcome(BuyerOutcome, BuyerOutcomeRequestId, BuyerOutcomeOrderId, BuyerOutcomeNote, BuyerOutcomeAt),
                SupplierOutcome = Outcome(SupplierOutcome, SupplierOutcomeRequestId, SupplierOutcomeOrderId, SupplierOutcomeNote, SupplierOutcomeAt),
                Version = Version,
            };
        }

        private static MeetingOutcome? Outcome(string? outcome, Guid? request, Guid? order, string? note, DateTimeOffset? at) =>
            outcome is null || at is null ? null : new MeetingOutcome
            {
                Outcome = WireNames.Parse<MeetingOutcomeKind>(outcome),
                RequestId = request,
                OrderId = order,
                Note = note,
                RecordedAt = at.Value,
            };
    }
}
