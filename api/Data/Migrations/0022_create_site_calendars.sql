-- A site's own closed days (issue 17): the weekdays it is closed every week and its closed periods (お盆, 年末年始),
-- for counting an order route's lead times in business days (api/Calendar). A site without a row keeps Saturdays and
-- Sundays closed. Weekdays are numbered as .NET's DayOfWeek and PostgreSQL's extract(dow): 0 Sunday … 6 Saturday.
CREATE TABLE supplier_calendars (
    supplier_id    uuid PRIMARY KEY REFERENCES suppliers (id) ON DELETE CASCADE,
    weekly_closed  smallint[] NOT NULL CHECK (weekly_closed <@ '{0,1,2,3,4,5,6}'::smallint[] AND cardinality(weekly_closed) < 7),
    version        integer NOT NULL DEFAULT 1,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- A period repeating every year keeps the dates it was given; only their month and day count (a range over the year
-- end has its to_date in the next year). Replaced as a whole with the calendar, in the order given.
CREATE TABLE supplier_closed_periods (
    supplier_id  uuid NOT NULL REFERENCES supplier_calendars (supplier_id) ON DELETE CASCADE,
    position     smallint NOT NULL,
    from_date    date NOT NULL,
    to_date      date NOT NULL,
    every_year   boolean NOT NULL,
    label        text NOT NULL CHECK (length(label) BETWEEN 1 AND 40),
    PRIMARY KEY (supplier_id, position),
    CHECK (from_date <= to_date AND to_date - from_date < 31)
);
