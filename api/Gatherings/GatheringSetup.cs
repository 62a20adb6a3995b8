namespace Registry.Api.Gatherings;

public static class GatheringSetup
{
    /// <summary>Matching meetings, showcases and exchange meetings: the gathering, its registrations, meetings, schedule and agendas.</summary>
    public static IEndpointRouteBuilder MapGatherings(this IEndpointRouteBuilder app)
    {
        GatheringsApi.Map(app);
        ParticipantsApi.Map(app);
        MeetingsApi.Map(app);
        ScheduleApi.Map(app);
        AgendaApi.Map(app);
        SuggestionsApi.Map(app);
        BriefApi.Map(app);
        FunnelApi.Map(app);
        return app;
    }
}
