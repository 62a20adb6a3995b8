-- The site a request is awarded to has its invitation marked awarded too (DESIGN §5 candidate states).
ALTER TABLE matching_invitations DROP CONSTRAINT matching_invitations_status_check;
ALTER TABLE matching_invitations ADD CONSTRAINT matching_invitations_status_check
    CHECK (status IN ('invited', 'interested', 'declined', 'shortlisted', 'awarded'));
