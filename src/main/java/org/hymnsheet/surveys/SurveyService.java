package org.hymnsheet.surveys;

import org.hymnsheet.common.SurveyStatus;
import java.util.List;
import java.util.Optional;
import org.hymnsheet.common.Codes;
import org.hymnsheet.common.Inputs;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.QrCodes;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
import org.hymnsheet.templates.SurveyTemplate;
import org.hymnsheet.templates.TemplateCatalog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Facilitators (and administrators) run surveys for their partnership: create, open, close, share, kiosks. */
@Service
public class SurveyService {
    static final int PIN_MIN = 4;
    static final int PIN_MAX = 12;
    private static final int LABEL_MAX = 100;

    private final SurveyRepository repository;
    private final TemplateCatalog templates;
    private final CurrentStaff staff;
    private final PasswordEncoder encoder;

    SurveyService(SurveyRepository repository, TemplateCatalog templates, CurrentStaff staff, PasswordEncoder encoder) {
        this.repository = repository;
        this.templates = templates;
        this.staff = staff;
        this.encoder = encoder;
    }

    @Transactional(readOnly = true)
    public List<Survey> list(long partnershipId) {
        staff.requireRoleIn(partnershipId, Role.FACILITATOR, Role.ADMIN);
        return repository.list(partnershipId);
    }

    @Transactional(readOnly = true)
    public Survey get(long surveyId) {
        return owned(surveyId);
    }

    @Transactional
    public Survey create(long partnershipId, String templateId, String title) {
        var creator = staff.requireRoleIn(partnershipId, Role.FACILITATOR, Role.ADMIN);
        SurveyTemplate template = templateId == null ? null : templates.survey(templateId).orElse(null);
        if (template == null) {
            throw new ValidationException("template", "surveys.unknownTemplate");
        }
        Inputs.name("title", title);
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = Codes.shortCode();
            if (repository.codeTaken(code)) {
                continue;
            }
            try {
                return repository.find(repository.insert(partnershipId, template.id(), title, code, Codes.randomToken(16),
                        creator.accountId()))
                        .orElseThrow();
            } catch (DuplicateKeyException raced) {
                // another survey took the code in the same instant: draw again
            }
        }
        throw new IllegalStateException("Could not draw a free access code");
    }

    @Transactional
    public Survey open(long surveyId) {
        owned(surveyId);
        if (repository.dataDeleted(surveyId)) {
            throw new ValidationException("survey", "surveys.dataDeleted");
        }
        repository.setStatus(surveyId, SurveyStatus.OPEN);
        return repository.find(surveyId).orElseThrow();
    }

    @Transactional
    public Survey close(long surveyId) {
        owned(surveyId);
        repository.setStatus(surveyId, SurveyStatus.CLOSED);
        return repository.find(surveyId).orElseThrow();
    }

    /** A QR code (PNG) of the survey's link, for a poster or a slide. */
    @Transactional(readOnly = true)
    public byte[] qrCode(long surveyId, String link) {
        owned(surveyId);
        return QrCodes.png(link, 480);
    }

    @Transactional(readOnly = true)
    public List<Kiosk> kiosks(long surveyId) {
        owned(surveyId);
        return repository.kiosks(surveyId);
    }

    /** A shared device for this survey; leaving kiosk mode on it needs the PIN chosen here. */
    @Transactional
    public Kiosk addKiosk(long surveyId, String label, String pin) {
        owned(surveyId);
        Inputs.name("label", label);
        if (label.length() > LABEL_MAX) {
            throw new ValidationException("label", "validation.tooLong", LABEL_MAX);
        }
        if (pin == null || !pin.matches("\\d{" + PIN_MIN + "," + PIN_MAX + "}")) {
            throw new ValidationException("pin", "surveys.pinFormat", PIN_MIN, PIN_MAX);
        }
        if (repository.kioskLabelTaken(surveyId, label)) {
            throw new ValidationException("label", "validation.duplicateName");
        }
        try {
            long id = repository.insertKiosk(surveyId, label, Codes.randomToken(16), encoder.encode(pin));
            return repository.kiosks(surveyId).stream().filter(k -> k.id() == id).findFirst().orElseThrow();
        } catch (DuplicateKeyException raced) {
            throw new ValidationException("label", "validation.duplicateName");
        }
    }

    private Survey owned(long surveyId) {
        staff.require();
        Optional<Survey> survey = repository.find(surveyId);
        Survey s = survey.orElseThrow(() -> new NotFoundException("survey"));
        staff.requireRoleIn(s.partnershipId(), Role.FACILITATOR, Role.ADMIN);
        return s;
    }
}
