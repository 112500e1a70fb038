function Settings(props: SettingsComponentProps) { return <Page><Section title="You"><Text>{String(props.settingsStorage.getItem("age"))}</Text></Section></Page>; }
registerSettingsPage(Settings);
