import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { focusFirstError } from '@/lib/focus-first-error';
import { useI18n, type Translate } from '@/lib/i18n';
import { login, type LoginResult, type TokenPair } from '../api/login';

type FormState =
  | { kind: 'idle' }
  | { kind: 'submitting' }
  | { kind: 'answered'; result: Exclude<LoginResult, { kind: 'signed-in' }> }
  | { kind: 'unreachable' };

const fields = ['email', 'password'] as const;
type Field = (typeof fields)[number];

/**
 * Email and password. The API validates (the form does not block submission), and its field messages are shown
 * next to the fields; a wrong email or password, throttling and failures get a message above the fields.
 */
export function LoginForm({ onSignedIn }: { onSignedIn: (pair: TokenPair) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [state, setState] = useState<FormState>({ kind: 'idle' });
  const form = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  // After a refused or failed sign-in, focus goes to the first field with a message, or to the message above them.
  useEffect(() => {
    if ((state.kind === 'answered' || state.kind === 'unreachable') && form.current && !focusFirstError(form.current)) {
      alertRef.current?.focus();
    }
  }, [state]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.kind === 'submitting') {
      return;
    }
    setState({ kind: 'submitting' });
    let result: LoginResult;
    try {
      result = await login({ email, password });
    } catch {
      setState({ kind: 'unreachable' });
      return;
    }
    if (result.kind === 'signed-in') {
      setState({ kind: 'idle' });
      onSignedIn(result.pair);
    } else {
      setState({ kind: 'answered', result });
      if (result.kind === 'invalid-credentials') {
        setPassword('');
      }
    }
  }

  const fieldErrors = state.kind === 'answered' && state.result.kind === 'invalid' ? state.result.fieldErrors : {};
  // Messages for fields this form does not have (e.g. `body`) are shown with the form's message.
  const otherErrors = Object.entries(fieldErrors)
    .filter(([field]) => !(fields as readonly string[]).includes(field))
    .flatMap(([, messages]) => messages);
  const alert = formMessage(state, t);

  const fieldProps = (field: Field) => {
    const messages = fieldErrors[field] ?? [];
    return {
      id: `${id}-${field}`,
      name: field,
      'aria-invalid': messages.length > 0 || undefined,
      'aria-describedby': messages.length > 0 ? `${id}-${field}-error` : undefined,
    };
  };

  return (
    <form
      ref={form}
      className="form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-busy={state.kind === 'submitting'}
    >
      {alert && (
        <div className="form__alert" role="alert" data-testid="login-error" ref={alertRef} tabIndex={-1}>
          <p>{alert}</p>
          {otherErrors.length > 0 && (
            <ul>
              {otherErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form__field">
        <label htmlFor={`${id}-email`}>{t('login.email')}</label>
        <input
          {...fieldProps('email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <FieldErrors id={`${id}-email-error`} messages={fieldErrors.email} />
      </div>
      <div className="form__field">
        <label htmlFor={`${id}-password`}>{t('login.password')}</label>
        <input
          {...fieldProps('password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <FieldErrors id={`${id}-password-error`} messages={fieldErrors.password} />
      </div>
      <button type="submit" className="button" disabled={state.kind === 'submitting'}>
        {state.kind === 'submitting' ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}

function FieldErrors({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages || messages.length === 0) {
    return null;
  }
  return (
    <ul className="form__errors" id={id} data-field-errors="">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

function formMessage(state: FormState, t: Translate): string | null {
  if (state.kind === 'unreachable') {
    return t('login.unreachable');
  }
  if (state.kind !== 'answered') {
    return null;
  }
  const { result } = state;
  switch (result.kind) {
    case 'invalid-credentials':
      return t('login.invalidCredentials');
    case 'throttled':
      return result.retryAfterSeconds === null
        ? t('login.throttledNoWait')
        : t('login.throttled', { seconds: result.retryAfterSeconds });
    case 'invalid':
      return t('login.invalid');
    case 'failed':
      return t('login.failed');
  }
}
