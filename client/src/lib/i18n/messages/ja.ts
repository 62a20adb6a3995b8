// The Japanese catalogue is the source of message keys; every other language must supply the same keys.
export const ja = {
  'app.name': '地域ものづくりレジストリ',
  'app.skipToContent': '本文へ移動',
  'nav.label': 'メインメニュー',
  'nav.apiDocs': 'API ドキュメント',
  'language.label': '表示言語',
  'language.ja': '日本語',
  'language.en': 'English',
  'home.heading': '地域の製造能力を、見える化する',
  'home.lead':
    '工場が自社の製造能力を公開し、発注者や自治体が地域内で完結するものづくりの担い手を探すための、自治体運営のプラットフォームです。',
  'readiness.heading': 'サービスの状態',
  'readiness.loading': '状態を確認しています…',
  'readiness.ready': '稼働中',
  'readiness.readyHint': 'API は要求を受け付けています。',
  'readiness.notReady': '準備中',
  'readiness.notReadyHint': 'API はまだ要求を受け付けられません。',
  'readiness.failingChecks': '問題のある項目',
  'readiness.error': '接続できません',
  'readiness.errorHint': 'API から応答がありません。しばらくすると自動で再確認します。',
  'readiness.checkedAt': '最終確認 {time}（{seconds} 秒ごとに更新）',
  'readiness.check.database': 'データベース',
  'readiness.check.migrations': 'データベースのマイグレーション',
  'notFound.heading': 'ページが見つかりません',
  'notFound.body': 'お探しのページは存在しないか、移動した可能性があります。',
  'notFound.backHome': 'トップページへ戻る',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof ja;
